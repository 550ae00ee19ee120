package dev.gatehouse.app;

/** The {@code gatehouse} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("gatehouse: not yet");
    }
}
