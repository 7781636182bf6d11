package io.clearname.verification.rest;

import java.util.List;

/** One page of the reviewers' listing; {@code total} counts every case matching the filters. */
public record CaseListView(List<CaseSummary> items, int page, int size, long total) {}
