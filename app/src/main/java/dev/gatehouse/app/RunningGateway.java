package dev.gatehouse.app;

import dev.gatehouse.engine.admin.rest.AdminServer;
import dev.gatehouse.engine.sim.DemoEnvironment;

import java.io.PrintStream;

/** A gateway started by {@code serve}, with what it brought along (admin API included); {@link #stop} drains it. */
record RunningGateway(LocalGateway gateway, DemoEnvironment demo, ConfigReloader reloader, AdminServer admin,
                      PrintStream out) {

    void stop() {
        if (reloader != null) {
            reloader.close();
        }
        if (admin != null) {
            admin.close();
        }
        int inFlight = gateway.engine().inFlight();
        if (inFlight > 0) {
            out.println("Gatehouse: draining " + inFlight + " in-flight requests...");
        }
        gateway.close();
        if (demo != null) {
            demo.close();
        }
        out.println("Gatehouse: stopped.");
    }
}
