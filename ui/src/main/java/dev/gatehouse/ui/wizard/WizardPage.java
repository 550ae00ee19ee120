package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.shell.Page;
import dev.gatehouse.ui.shell.ShellContext;
import javafx.scene.Node;

/**
 * The wizard as the shell uses it: built once, it reads the running config the first time it is
 * shown (prefilling the demo's simulator); leaving the page keeps every field. Register it with
 * {@code WizardPage::of}.
 */
public final class WizardPage implements Page {

    private final WizardViewModel model;
    private final WizardView view;
    private boolean opened;

    public WizardPage(WizardViewModel model) {
        this.model = model;
        this.view = new WizardView(model);
    }

    /** The page on the shell's engine and executors, with the vault the app keeps under the console's state directory. */
    public static WizardPage of(ShellContext context) {
        return new WizardPage(new WizardViewModel(context.control(),
                VaultAccess.at(context.settings().stateDir().resolve("cloud")), WizardViewModel.CONNECT,
                context.background(), context.fx()));
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void shown() {
        if (!opened) {
            opened = true;
            model.open();
        }
    }

    public WizardViewModel viewModel() {
        return model;
    }
}
