package dev.gatehouse.app;

import dev.gatehouse.engine.admin.GatewayControl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import static java.util.Objects.requireNonNull;

/**
 * A {@link GatewayControl} that forwards every call to the control of the engine serving now, so
 * the console keeps one control when leaving the first-run demo starts another engine. A proxy,
 * not a hand-written delegate, so it forwards whatever the interface grows to.
 */
final class SwitchableGatewayControl {

    private volatile GatewayControl target;
    private final GatewayControl proxy;

    SwitchableGatewayControl(GatewayControl target) {
        this.target = requireNonNull(target, "target");
        InvocationHandler forward = (self, method, args) -> forward(method, args);
        this.proxy = (GatewayControl) Proxy.newProxyInstance(GatewayControl.class.getClassLoader(),
                new Class<?>[] {GatewayControl.class}, forward);
    }

    /** The control to hand out; it follows {@link #switchTo}. */
    GatewayControl control() {
        return proxy;
    }

    void switchTo(GatewayControl next) {
        target = requireNonNull(next, "next");
    }

    private Object forward(Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "SwitchableGatewayControl[" + target + "]";
            };
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the control's own ControlException, unwrapped
        }
    }
}
