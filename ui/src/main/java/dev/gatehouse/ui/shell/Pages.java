package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.dashboard.DashboardPage;
import dev.gatehouse.ui.logs.LogsPage;
import dev.gatehouse.ui.routes.RoutesPage;
import dev.gatehouse.ui.settings.SettingsView;
import dev.gatehouse.ui.wizard.WizardPage;

import java.util.List;

/** The one place where the console's pages are registered, in sidebar order. */
public final class Pages {

    public static final String ROUTES = "routes";
    public static final String WIZARD = "wizard";
    public static final String DASHBOARD = "dashboard";
    public static final String LOGS = "logs";
    public static final String SETTINGS = "settings";

    private Pages() {
    }

    /** Every page; those not built yet show a placeholder that says so. */
    public static List<PageEntry> all() {
        return List.of(
                new PageEntry(ROUTES, "Routes & Pools", "fth-share-2", RoutesPage::of),
                new PageEntry(WIZARD, "Wizard", "fth-compass", WizardPage::of),
                new PageEntry(DASHBOARD, "Dashboard", "fth-activity", DashboardPage::of),
                new PageEntry(LOGS, "Logs", "fth-list", LogsPage::of),
                new PageEntry(SETTINGS, "Settings", "fth-settings",
                        context -> Page.of(new SettingsView(context.settings()).root())));
    }
}
