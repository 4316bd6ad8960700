package dev.ioslab.device;

/**
 * Configuration of one interface: description, IPv4 address and mask, administrative shutdown. Mutable; guarded
 * by the owning {@link RunningConfig}'s lock.
 */
public final class InterfaceState {

    private final String name;
    private String description;
    private String address;
    private String mask;
    private boolean shutdown;
    private final boolean builtIn;

    InterfaceState(String name, boolean shutdown, boolean builtIn) {
        this.name = name;
        this.shutdown = shutdown;
        this.builtIn = builtIn;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String address() {
        return address;
    }

    public String mask() {
        return mask;
    }

    public void setAddress(String address, String mask) {
        this.address = address;
        this.mask = mask;
    }

    public boolean shutdown() {
        return shutdown;
    }

    public void setShutdown(boolean shutdown) {
        this.shutdown = shutdown;
    }

    /** Physical ports exist from boot; loopbacks exist once configured. */
    public boolean builtIn() {
        return builtIn;
    }
}
