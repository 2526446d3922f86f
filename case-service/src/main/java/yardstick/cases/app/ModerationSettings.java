package yardstick.cases.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import yardstick.cases.domain.ModerationShare;

/**
 * {@code yardstick.moderation.share} ({@code YARDSTICK_MODERATION_SHARE}): the share of an
 * inspection's active sampled cases drawn at random for moderation when the lead inspector names none.
 */
@ConfigurationProperties("yardstick.moderation")
public class ModerationSettings {

    private double share = ModerationShare.DEFAULT_SHARE;

    public double getShare() {
        return share;
    }

    public void setShare(double share) {
        this.share = share;
    }
}
