package dev.jmcp.server.internal.annotated;

import dev.jmcp.server.RequestContext;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A handler method called through a small class spun once by {@link LambdaMetafactory}, so the JIT sees an
 * ordinary call it can inline instead of a method handle held in a field. Made only when the spun class may call
 * the method without reflection's override: a public method of a public class whose package is exported to jmcp,
 * with at most {@value #MAX_ARITY} parameters and a non-void result, whose parameter and result types are as
 * reachable from jmcp; otherwise {@link Invoker} uses its method handle.
 */
abstract class DirectCall {
    /** The most parameters a direct call covers; larger methods use the method handle. */
    static final int MAX_ARITY = 6;

    private static final Class<?>[] SHAPES = {
        Call0.class, Call1.class, Call2.class, Call3.class, Call4.class, Call5.class, Call6.class
    };

    /** Calls the method with the arguments its sources produce for one request. */
    abstract Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable;

    /** The direct call of {@code method} on {@code target}, or null when it cannot be made. */
    static DirectCall of(Method method, Object target) {
        int arity = method.getParameterCount();
        Class<?> owner = method.getDeclaringClass();
        Module jmcp = DirectCall.class.getModule();
        if (arity > MAX_ARITY
                || method.getReturnType() == void.class
                || !Modifier.isPublic(method.getModifiers())
                || !Modifier.isPublic(owner.getModifiers())
                || owner.isHidden()
                || !owner.getModule().isExported(owner.getPackageName(), jmcp)
                || !visible(owner)
                || !visible(method.getReturnType())) {
            return null;
        }
        for (Class<?> p : method.getParameterTypes()) {
            if (!visible(p)) {
                return null;
            }
        }
        try {
            jmcp.addReads(owner.getModule());
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle impl = lookup.unreflect(method);
            boolean isStatic = Modifier.isStatic(method.getModifiers());
            Class<?> shape = SHAPES[arity];
            MethodType factory = isStatic ? MethodType.methodType(shape) : MethodType.methodType(shape, owner);
            MethodType erased = MethodType.genericMethodType(arity);
            MethodType instantiated =
                    impl.type().dropParameterTypes(0, isStatic ? 0 : 1).wrap();
            CallSite site = LambdaMetafactory.metafactory(lookup, "call", factory, erased, impl, instantiated);
            Object fn = isStatic ? site.getTarget().invoke() : site.getTarget().invoke(target);
            return wrap(fn);
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Whether the spun class, defined in jmcp's package by jmcp's class loader, may use {@code type}: the type is
     * accessible from there (public, in a package exported to jmcp), and the loader resolves its name to the same
     * class (not so for a handler class loaded by a child loader: an application server's web application, a plug-in).
     */
    private static boolean visible(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        if (t.isPrimitive()) {
            return true;
        }
        try {
            MethodHandles.lookup().accessClass(t);
            return Class.forName(t.getName(), false, DirectCall.class.getClassLoader()) == t;
        } catch (IllegalAccessException | ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static DirectCall wrap(Object fn) {
        if (fn instanceof Call0 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call();
                }
            };
        }
        if (fn instanceof Call1 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call(s[0].get(ctx, r));
                }
            };
        }
        if (fn instanceof Call2 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call(s[0].get(ctx, r), s[1].get(ctx, r));
                }
            };
        }
        if (fn instanceof Call3 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call(s[0].get(ctx, r), s[1].get(ctx, r), s[2].get(ctx, r));
                }
            };
        }
        if (fn instanceof Call4 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call(s[0].get(ctx, r), s[1].get(ctx, r), s[2].get(ctx, r), s[3].get(ctx, r));
                }
            };
        }
        if (fn instanceof Call5 c) {
            return new DirectCall() {
                @Override
                Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                    return c.call(
                            s[0].get(ctx, r), s[1].get(ctx, r), s[2].get(ctx, r), s[3].get(ctx, r), s[4].get(ctx, r));
                }
            };
        }
        Call6 c = (Call6) fn;
        return new DirectCall() {
            @Override
            Object call(ArgSource[] s, RequestContext ctx, Object r) throws Throwable {
                return c.call(
                        s[0].get(ctx, r),
                        s[1].get(ctx, r),
                        s[2].get(ctx, r),
                        s[3].get(ctx, r),
                        s[4].get(ctx, r),
                        s[5].get(ctx, r));
            }
        };
    }

    /** The spun shapes, one per arity; their erased signatures take and return {@code Object}. */
    interface Call0 {
        Object call() throws Throwable;
    }

    interface Call1 {
        Object call(Object a) throws Throwable;
    }

    interface Call2 {
        Object call(Object a, Object b) throws Throwable;
    }

    interface Call3 {
        Object call(Object a, Object b, Object c) throws Throwable;
    }

    interface Call4 {
        Object call(Object a, Object b, Object c, Object d) throws Throwable;
    }

    interface Call5 {
        Object call(Object a, Object b, Object c, Object d, Object e) throws Throwable;
    }

    interface Call6 {
        Object call(Object a, Object b, Object c, Object d, Object e, Object f) throws Throwable;
    }
}
