package dev.diffo.admin.domain;

/** How many of a specification major's instances one RSP holds (the withdrawal-readiness view's counts). */
public record MajorShare(String specUuid, long major, Rsp rsp, long instances) {
}
