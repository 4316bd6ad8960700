package dev.ioslab.device;

/** A local user ({@code username N [privilege P] secret|password ...}). Immutable. */
public record UserAccount(String name, int privilege, Credential credential, boolean secret) {

    @Override
    public String toString() {
        return "UserAccount[" + name + ", privilege " + privilege + "]";
    }
}
