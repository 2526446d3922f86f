package yardstick.cases.domain;

/** Court and out-of-court disposals are sampled separately; resettlement cases were released from custody. */
public enum CaseCategory {
    COURT,
    OUT_OF_COURT,
    RESETTLEMENT
}
