package org.oxymap.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The OxyMap version, from the build. */
public final class OxyMapVersion {

    private OxyMapVersion() {
    }

    public static String get() {
        try (InputStream in = OxyMapVersion.class.getResourceAsStream("/org/oxymap/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
