package org.mdmatrials.core;

/**
 * Where one column of a snapshot comes from in one registry's records: a field path ({@code
 * protocolSection.statusModule.overallStatus}), a rule, or "not given".
 */
public record ColumnSource(String table, String column, String source) {}
