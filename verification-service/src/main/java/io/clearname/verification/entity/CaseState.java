package io.clearname.verification.entity;

public enum CaseState {
    OPEN,
    DECIDED
}
