package dev.ioslab.daemon;

public final class Main {
    public static void main(String[] args) {
    }
}
