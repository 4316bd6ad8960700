package dev.ioslab.frontend.admission;

/**
 * The caps {@link ConnectionAdmission} applies at accept.
 *
 * @param maxConnections           front-end connections open at once, logged in or not (the descriptor budget's
 *                                 {@link DescriptorBudget#connections()})
 * @param maxNotLoggedIn           connections that have not logged in yet, daemon-wide; at most {@code maxConnections}
 * @param maxNotLoggedInPerAddress connections that have not logged in yet from one source address; at most
 *                                 {@code maxNotLoggedIn}
 * @param maxNotLoggedInPerListener connections that have not logged in yet from one source address to one listener
 *                                 (one device's SSH or Telnet port); at most {@code maxNotLoggedInPerAddress}. Each
 *                                 holds a vty line of the device, so this keeps a flood from one address from
 *                                 holding every line
 */
public record AdmissionLimits(long maxConnections, long maxNotLoggedIn, long maxNotLoggedInPerAddress,
                              long maxNotLoggedInPerListener) {

    /** No cap a test or a tool could reach. */
    public static final AdmissionLimits UNLIMITED =
            new AdmissionLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public AdmissionLimits {
        if (maxNotLoggedInPerListener < 1 || maxNotLoggedInPerAddress < maxNotLoggedInPerListener
                || maxNotLoggedIn < maxNotLoggedInPerAddress || maxConnections < maxNotLoggedIn) {
            throw new IllegalArgumentException("admission limits must satisfy 1 <= per listener ("
                    + maxNotLoggedInPerListener + ") <= per address (" + maxNotLoggedInPerAddress + ") <= not logged in (" + maxNotLoggedIn + ") <= connections ("
                    + maxConnections + ")");
        }
    }

    /**
     * Limits within {@code budget}: the not-logged-in caps are lowered to the connections the budget allows, so a
     * configured cap above it never lets the process reach its descriptor limit.
     */
    public static AdmissionLimits within(DescriptorBudget budget, long maxNotLoggedIn, long maxNotLoggedInPerAddress,
                                         long maxNotLoggedInPerListener) {
        long total = Math.min(budget.connections(), maxNotLoggedIn);
        long perAddress = Math.min(total, maxNotLoggedInPerAddress);
        return new AdmissionLimits(budget.connections(), total, perAddress,
                Math.min(perAddress, maxNotLoggedInPerListener));
    }
}
