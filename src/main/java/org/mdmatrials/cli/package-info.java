/**
 * The commands ({@code run}, {@code schedule}, {@code validate}, {@code show}): the only place that
 * wires objects together, prints to the console, and maps outcomes to exit codes.
 */
@NullMarked
package org.mdmatrials.cli;

import org.jspecify.annotations.NullMarked;
