/**
 * WHO's International Clinical Trials Registry Platform, read from the export a person saves from
 * its Search Portal (XML or CSV): the records of every WHO primary registry and data provider, each
 * taken as a record of its own registry.
 */
@NullMarked
package org.mdmatrials.source.ictrp;

import org.jspecify.annotations.NullMarked;
