package jp.suijin.audit;

/** How an audited operation ended. */
public enum Outcome {
    OK, DENIED, ERROR
}
