package yardstick.cases.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The design of a balanced probability sample of one category's eligible population: each
 * classification category's quota and every case's inclusion probability.
 *
 * <p><b>Quotas.</b> Annexe 1 asks for two rules together: "the ratios in relation to gender,
 * sentence or disposal type, risk of serious harm, and risk to safety and wellbeing
 * classifications matched those in the eligible population", and a recency share ("60 per cent
 * were those of children who had received court disposals six to nine months earlier"). For a
 * sample of n from N cases:
 *
 * <pre>
 *   quota(category c of a classification) = n x N_c / N
 *   quota(RECENT)  = n x share, held within [n - N_earlier, N_recent] so that the population can meet it
 *   quota(EARLIER) = n - quota(RECENT)
 * </pre>
 *
 * A share of 0 means the plan sets no recency share: recency is then balanced in proportion, as
 * the classifications are.
 *
 * <p><b>Inclusion probabilities by raking.</b> Every case starts at n / N, which meets the
 * classifications' quotas but not, in general, the recency share. The probabilities are then
 * calibrated by raking (iterative proportional fitting; Deming and Stephan 1940, "On a least
 * squares adjustment of a sampled frequency table when the expected marginal totals are known",
 * Annals of Mathematical Statistics 11(4); as calibration, Deville and Särndal 1992, JASA 87(418),
 * the raking ratio case): in turn for each classification, the probabilities of each category are
 * multiplied by quota / (their sum), until every category's sum of probabilities equals its quota
 * to within 1e-10 of a case. A probability cannot exceed 1: a case that reaches 1 is held there
 * (taken with certainty) and the category's factor is worked out on the others. Because every
 * step multiplies by a positive factor, every case whose category quotas are positive keeps a
 * positive probability: a girl who is the only girl among 300 cases, with n = 91, has probability
 * 91/300 = 0.303, however her share rounds. Cases with the same {@link Profile} get the same
 * probability, so the fitting runs over profiles, not cases. Where the quotas cannot all be met
 * together by probabilities within (0, 1], raking stops after {@value #MAXIMUM_ROUNDS} rounds and
 * the design's expected counts (the sums of probabilities) are the nearest it reached; the draw
 * then balances on those.
 */
public final class SampleDesign {

    /** One category's quota: what a sample of the design contains on average. */
    public record Quota(String classification, String category, int inPopulation, double proportionalTarget) {
    }

    private static final int MAXIMUM_ROUNDS = 2000;
    private static final double TOLERANCE = 1e-10;

    private final int size;
    private final List<Quota> quotas;
    private final Map<Profile, Integer> casesByProfile;
    private final Map<Profile, Double> probabilities;
    private final boolean calibrated;

    private SampleDesign(int size, List<Quota> quotas, Map<Profile, Integer> casesByProfile, Map<Profile, Double> probabilities,
                         boolean calibrated) {
        this.size = size;
        this.quotas = List.copyOf(quotas);
        this.casesByProfile = casesByProfile;
        this.probabilities = probabilities;
        this.calibrated = calibrated;
    }

    /**
     * The design for a sample of {@code size} (the whole population when it is no larger) from
     * cases of these profiles.
     *
     * @param recentShare the share of the sample to take from the recency window, e.g. 0.6; 0 for none
     */
    public static SampleDesign of(Collection<Profile> population, int size, double recentShare) {
        int n = Math.min(size, population.size());
        Map<Profile, Integer> counted = new HashMap<>();
        population.forEach(p -> counted.merge(p, 1, Integer::sum));
        // In the order of their keys, so that the draw does not depend on hashing.
        Map<Profile, Integer> casesByProfile = new TreeMap<>(Comparator.comparing(Profile::key));
        casesByProfile.putAll(counted);
        List<Quota> quotas = quotas(casesByProfile, population.size(), n, recentShare);
        Map<Profile, Double> probabilities = new LinkedHashMap<>();
        casesByProfile.keySet().forEach(p -> probabilities.put(p, population.isEmpty() ? 0 : (double) n / population.size()));
        boolean calibrated = n == population.size() || rake(casesByProfile, probabilities, quotas);
        if (n == population.size()) {
            probabilities.replaceAll((p, pi) -> 1.0);
        }
        return new SampleDesign(n, quotas, casesByProfile, probabilities, calibrated);
    }

    private static List<Quota> quotas(Map<Profile, Integer> casesByProfile, int population, int n, double recentShare) {
        List<Quota> quotas = new ArrayList<>();
        for (String classification : Profile.CLASSIFICATIONS) {
            Map<String, Integer> inPopulation = new HashMap<>();
            casesByProfile.forEach((p, count) -> inPopulation.merge(p.category(classification), count, Integer::sum));
            for (String category : Profile.categories(classification)) {
                int cases = inPopulation.getOrDefault(category, 0);
                if (cases > 0) {
                    double proportional = (double) n * cases / population;
                    if (classification.equals(Profile.RECENCY) && recentShare > 0) {
                        int recent = inPopulation.getOrDefault(Profile.RECENT, 0);
                        double recentQuota = Math.max(n - (population - recent), Math.min(recent, n * recentShare));
                        proportional = category.equals(Profile.RECENT) ? recentQuota : n - recentQuota;
                    }
                    quotas.add(new Quota(classification, category, cases, proportional));
                }
            }
        }
        return quotas;
    }

    /** Raking, as the class comment says; true when every quota is met to within the tolerance. */
    private static boolean rake(Map<Profile, Integer> casesByProfile, Map<Profile, Double> probabilities, List<Quota> quotas) {
        List<Profile> profiles = List.copyOf(casesByProfile.keySet());
        int[] cases = profiles.stream().mapToInt(casesByProfile::get).toArray();
        double[] pi = profiles.stream().mapToDouble(probabilities::get).toArray();
        // For each quota, the profiles in its category.
        int[][] members = new int[quotas.size()][];
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            members[q] = java.util.stream.IntStream.range(0, profiles.size())
                    .filter(i -> profiles.get(i).category(quota.classification()).equals(quota.category())).toArray();
        }
        boolean met = false;
        for (int round = 0; round < MAXIMUM_ROUNDS && !met; round++) {
            for (int q = 0; q < quotas.size(); q++) {
                double certain = 0;
                double uncertain = 0;
                for (int i : members[q]) {
                    if (pi[i] >= 1) {
                        certain += cases[i];
                    } else {
                        uncertain += cases[i] * pi[i];
                    }
                }
                double quota = quotas.get(q).proportionalTarget();
                if (uncertain > 0 && quota > certain) {
                    double factor = (quota - certain) / uncertain;
                    for (int i : members[q]) {
                        if (pi[i] < 1) {
                            pi[i] = Math.min(1.0, pi[i] * factor);
                        }
                    }
                } else if (quota > 0 && quota < certain + uncertain) {
                    // Its certain cases alone are more than the quota: all of them are scaled down, so that none
                    // is left with no chance at all (scaling the others to nought would).
                    double factor = quota / (certain + uncertain);
                    for (int i : members[q]) {
                        pi[i] *= factor;
                    }
                }
            }
            double largestGap = 0;
            for (int q = 0; q < quotas.size(); q++) {
                double sum = 0;
                for (int i : members[q]) {
                    sum += cases[i] * pi[i];
                }
                largestGap = Math.max(largestGap, Math.abs(sum - quotas.get(q).proportionalTarget()));
            }
            met = largestGap < TOLERANCE;
        }
        if (!met) {
            holdTheSize(cases, pi, quotas);
        }
        for (int i = 0; i < profiles.size(); i++) {
            probabilities.put(profiles.get(i), pi[i]);
        }
        return met;
    }

    /**
     * Where the quotas cannot all be met, makes the probabilities add up to the size again (raking
     * that stops part way may leave them short or over, and the draw keeps their sum): the cases
     * below 1 are scaled together, those reaching 1 held there, until the sum is the size, at most
     * once per profile (all of them, where the certain cases alone are more than the size).
     */
    private static void holdTheSize(int[] cases, double[] pi, List<Quota> quotas) {
        // Every classification's quotas add up to the size; the first classification's tell it.
        String first = quotas.get(0).classification();
        double size = quotas.stream().filter(q -> q.classification().equals(first)).mapToDouble(Quota::proportionalTarget).sum();
        for (int pass = 0; pass <= pi.length; pass++) {
            double certain = 0;
            double uncertain = 0;
            for (int i = 0; i < pi.length; i++) {
                if (pi[i] >= 1) {
                    certain += cases[i];
                } else {
                    uncertain += cases[i] * pi[i];
                }
            }
            if (uncertain == 0 || Math.abs(certain + uncertain - size) < TOLERANCE) {
                return;
            }
            boolean scaleAll = size <= certain;
            double factor = scaleAll ? size / (certain + uncertain) : (size - certain) / uncertain;
            for (int i = 0; i < pi.length; i++) {
                if (scaleAll || pi[i] < 1) {
                    pi[i] = Math.min(1.0, pi[i] * factor);
                }
            }
        }
    }

    public int size() {
        return size;
    }

    public List<Quota> quotas() {
        return quotas;
    }

    /** True when the inclusion probabilities meet every quota exactly (to 1e-10 of a case). */
    public boolean calibrated() {
        return calibrated;
    }

    /** The chance that a case of this profile is in the sample. */
    public double inclusionProbability(Profile profile) {
        return probabilities.getOrDefault(profile, 0.0);
    }

    /** The profiles of the population, each with its number of cases, in a fixed order. */
    public Map<Profile, Integer> casesByProfile() {
        return java.util.Collections.unmodifiableMap(casesByProfile);
    }

    /** A category's expected count under the design: the sum of its cases' inclusion probabilities. */
    public double expectedCount(Quota quota) {
        double sum = 0;
        for (var entry : casesByProfile.entrySet()) {
            if (entry.getKey().category(quota.classification()).equals(quota.category())) {
                sum += entry.getValue() * probabilities.get(entry.getKey());
            }
        }
        return sum;
    }

    /** Each category's quota against the count achieved by a sample of these profiles (after replacements, say). */
    public List<MarginBalance> balance(Collection<Profile> sample) {
        return balance(quotas, size, sample);
    }

    /**
     * Each category's quota against the count achieved, from quotas as stored. The whole-number
     * target shown beside each quota is its largest-remainder rounding within its classification:
     * a reference figure; a draw lands on the floor or the ceiling of the quota, at random.
     */
    public static List<MarginBalance> balance(List<Quota> quotas, int size, Collection<Profile> sample) {
        Map<String, Integer> achieved = new HashMap<>();
        for (Profile profile : sample) {
            for (String classification : Profile.CLASSIFICATIONS) {
                achieved.merge(classification + "/" + profile.category(classification), 1, Integer::sum);
            }
        }
        List<MarginBalance> balance = new ArrayList<>();
        for (String classification : Profile.CLASSIFICATIONS) {
            List<Quota> own = quotas.stream().filter(q -> q.classification().equals(classification)).toList();
            int[] targets = apportion(own.stream().mapToDouble(Quota::proportionalTarget).toArray(), size);
            for (int i = 0; i < own.size(); i++) {
                Quota quota = own.get(i);
                balance.add(new MarginBalance(classification, quota.category(), quota.inPopulation(), quota.proportionalTarget(),
                        targets[i], achieved.getOrDefault(classification + "/" + quota.category(), 0)));
            }
        }
        return balance;
    }

    /** Whole numbers adding up to {@code total}, each the floor or ceiling of its quota (largest remainder first). */
    static int[] apportion(double[] quotas, int total) {
        int[] whole = new int[quotas.length];
        int sum = 0;
        for (int i = 0; i < quotas.length; i++) {
            whole[i] = (int) Math.floor(quotas[i] + 1e-9);
            sum += whole[i];
        }
        Integer[] byRemainder = new Integer[quotas.length];
        for (int i = 0; i < quotas.length; i++) {
            byRemainder[i] = i;
        }
        java.util.Arrays.sort(byRemainder, (a, b) -> Double.compare(quotas[b] - whole[b], quotas[a] - whole[a]));
        for (int k = 0; sum < total && k < byRemainder.length; k++) {
            whole[byRemainder[k]]++;
            sum++;
        }
        return whole;
    }
}
