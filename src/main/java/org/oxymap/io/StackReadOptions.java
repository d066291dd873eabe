package org.oxymap.io;

/**
 * The choices a multi-part stack file leaves open: which scan region and detector channel (ALS .hdr; the channel
 * also picks the NXdata group of an NXstxm entry), and which quantity of a ptychographic complex image.
 *
 * @param region   scan region, from 0
 * @param channel  detector channel, from 0
 * @param quantity what CXI files give (|O|², −ln|O|² or arg O)
 */
public record StackReadOptions(int region, int channel, CxiQuantity quantity) {

    public StackReadOptions {
        if (region < 0) {
            throw new IllegalArgumentException("region is " + region + ", expected 0 or more");
        }
        if (channel < 0) {
            throw new IllegalArgumentException("channel is " + channel + ", expected 0 or more");
        }
        if (quantity == null) {
            throw new IllegalArgumentException("quantity is missing; expected one of "
                    + String.join(", ", CxiQuantity.labels()));
        }
    }

    /** Region 0, channel 0, transmitted intensity |O|² (what OxyMap's I0 and OD step expects). */
    public static StackReadOptions defaults() {
        return new StackReadOptions(0, 0, CxiQuantity.INTENSITY);
    }
}
