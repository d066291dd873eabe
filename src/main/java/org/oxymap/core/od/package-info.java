/**
 * From transmitted counts to optical density: I0 from the stack's empty region or a user rectangle or mask,
 * ring-current and dwell normalisation, and the Beer–Lambert conversion with counts that cannot be logged masked
 * rather than turned into NaN.
 */
package org.oxymap.core.od;
