package dev.ioslab.commands.line;

import dev.ioslab.device.LineState;
import dev.ioslab.device.RunningConfig;
import java.util.ArrayList;
import java.util.List;

/** The lines a {@code line} sub-mode configures: {@code line vty 0 4} or {@code line console 0}. */
public record LineRange(boolean console, int first, int last) {

    /** The configuration of every line in the range. */
    public List<LineState> states(RunningConfig config) {
        List<LineState> out = new ArrayList<>();
        if (console) {
            out.add(config.console());
        } else {
            for (int n = first; n <= last; n++) {
                out.add(config.vty(n));
            }
        }
        return out;
    }
}
