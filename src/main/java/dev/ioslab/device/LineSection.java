package dev.ioslab.device;

import java.util.List;

/**
 * The commands under one {@code line} of the running configuration, in IOS's order ({@code session-timeout},
 * {@code access-class}, {@code exec-timeout}, {@code privilege level}, {@code password}, {@code login}, {@code length},
 * {@code transport input}); defaults are left out as IOS leaves them out. Stateless.
 */
final class LineSection {

    private LineSection() {
    }

    /** Appends the commands of {@code l}; {@code vtyLine} because only a vty shows {@code no login}. */
    static void render(List<String> out, LineState l, boolean vtyLine) {
        if (l.sessionTimeoutMinutes() != 0) {
            // IOS ends the line with a space where the optional keyword would go.
            out.add(" session-timeout " + l.sessionTimeoutMinutes() + (l.sessionTimeoutOutput() ? " output" : " "));
        }
        if (l.accessClassIn() != null) {
            out.add(" access-class " + l.accessClassIn() + " in");
        }
        if (l.execTimeoutMinutes() != 10 || l.execTimeoutSeconds() != 0) {
            out.add(" exec-timeout " + l.execTimeoutMinutes() + " " + l.execTimeoutSeconds());
        }
        if (l.privilegeLevel() != null) {
            out.add(" privilege level " + l.privilegeLevel());
        }
        if (l.password() != null) {
            out.add(" password " + (l.password().type() == 0 ? "" : l.password().type() + " ") + l.password().value());
        }
        switch (l.login()) {
            case LOCAL -> out.add(" login local");
            case LINE_PASSWORD -> out.add(" login");
            case NONE -> {
                if (vtyLine) {
                    out.add(" no login");
                }
            }
        }
        if (l.length() != null) {
            out.add(" length " + l.length());
        }
        if (l.transportInput() != null) {
            out.add(" transport input " + l.transportInput());
        }
    }
}
