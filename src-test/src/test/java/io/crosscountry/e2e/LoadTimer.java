package io.crosscountry.e2e;

/** Loads (without initialising) each named class and prints {@code name nanoseconds}, one per line. */
public final class LoadTimer {

    private LoadTimer() {
    }

    public static void main(String[] names) throws ClassNotFoundException {
        for (String name : names) {
            long t = System.nanoTime();
            Class.forName(name, false, LoadTimer.class.getClassLoader());
            System.out.println(name + " " + (System.nanoTime() - t));
        }
    }
}
