package dev.ioslab.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code file …} global settings of a running configuration: {@code file prompt alert|noisy|quiet} (how much
 * file commands ask) and {@code file verify auto} (every copy and reload checks image signatures as if
 * {@code /verify} were given; {@code /noverify} overrides it).
 *
 * <p>Threading: synchronised; shared by the device's sessions.
 */
public final class FileSettings {

    private FilePrompt prompt = FilePrompt.ALERT;
    private boolean verifyAuto;

    public synchronized FilePrompt prompt() {
        return prompt;
    }

    public synchronized void setPrompt(FilePrompt prompt) {
        this.prompt = prompt;
    }

    public synchronized boolean verifyAuto() {
        return verifyAuto;
    }

    public synchronized void setVerifyAuto(boolean on) {
        this.verifyAuto = on;
    }

    /** The lines {@code show running-config} prints for these settings (none for the defaults). */
    synchronized List<String> render() {
        List<String> out = new ArrayList<>();
        if (verifyAuto) {
            out.add("file verify auto");
        }
        if (prompt != FilePrompt.ALERT) {
            out.add("file prompt " + prompt.name().toLowerCase());
        }
        return out;
    }
}
