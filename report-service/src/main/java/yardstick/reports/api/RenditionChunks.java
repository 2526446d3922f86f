package yardstick.reports.api;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import yardstick.platform.app.Refused;
import yardstick.reports.v1.RenditionChunk;

/**
 * Renditions delivered within the limits a client has by default: gRPC takes at most 4 MiB in one
 * message, so a rendition larger than {@link #ONE_MESSAGE} is not sent whole (the unary Render
 * methods refuse it, naming their streaming twin) but streamed in chunks of {@link #CHUNK}.
 */
final class RenditionChunks {

    static final int CHUNK = 1024 * 1024;
    /** What fits in one message a client accepts by default, with room for the message's other fields. */
    static final int ONE_MESSAGE = 4 * 1024 * 1024 - 64 * 1024;

    private RenditionChunks() {
    }

    /** Refuses a rendition too large for one message, naming {@code stream}, the method that delivers it. */
    static void refuseIfTooLarge(String resource, ByteString content, String stream) {
        if (content.size() > ONE_MESSAGE) {
            throw new Refused.RulesBroken("TOO_LARGE_FOR_ONE_MESSAGE", resource, "the rendition is " + content.size()
                    + " bytes, more than a client accepts in one message by default (4 MiB); ask " + stream + " for it in chunks");
        }
    }

    /** Streams {@code content} in chunks, each {@code sent} in the method's response, the first saying its type, size and SHA-256. */
    static <R> void stream(String contentType, ByteString content, StreamObserver<R> response, Function<RenditionChunk, R> sent) {
        int offset = 0;
        do {
            int end = Math.min(content.size(), offset + CHUNK);
            RenditionChunk.Builder chunk = RenditionChunk.newBuilder().setData(content.substring(offset, end));
            if (offset == 0) {
                chunk.setContentType(contentType).setTotalBytes(content.size()).setSha256(sha256(content));
            }
            response.onNext(sent.apply(chunk.build()));
            offset = end;
        } while (offset < content.size());
        response.onCompleted();
    }

    private static String sha256(ByteString content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content.asReadOnlyByteBuffer());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
