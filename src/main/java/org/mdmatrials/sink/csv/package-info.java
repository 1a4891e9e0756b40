/**
 * The snapshot's CSV files, written so that Excel, LibreOffice and Google Sheets open them right.
 */
@NullMarked
package org.mdmatrials.sink.csv;

import org.jspecify.annotations.NullMarked;
