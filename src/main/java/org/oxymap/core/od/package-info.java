/**
 * From transmitted counts to optical density: I0 from the stack's empty region, and the Beer–Lambert
 * conversion with counts that cannot be logged masked rather than turned into NaN.
 */
package org.oxymap.core.od;
