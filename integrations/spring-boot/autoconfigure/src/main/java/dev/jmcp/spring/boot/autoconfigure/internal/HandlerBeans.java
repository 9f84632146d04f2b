package dev.jmcp.spring.boot.autoconfigure.internal;

import dev.jmcp.server.McpCompletion;
import dev.jmcp.server.McpPrompt;
import dev.jmcp.server.McpResource;
import dev.jmcp.server.McpTool;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Finds the beans whose classes have annotated handler methods ({@code @McpTool} and the others). */
public final class HandlerBeans {
    private HandlerBeans() {}

    /**
     * The singleton beans of {@code factory} with annotated handler methods, in registration order. Types are read
     * from the bean definitions, so beans without handlers are not created early.
     *
     * @throws IllegalStateException when a handler bean is a class-based (CGLIB) proxy, whose overriding methods
     *     carry no annotations
     */
    public static List<Object> find(ConfigurableListableBeanFactory factory) {
        List<Object> found = new ArrayList<>();
        for (String name : factory.getBeanDefinitionNames()) {
            if (factory.containsBeanDefinition(name)) {
                BeanDefinition definition = factory.getBeanDefinition(name);
                if (definition.isAbstract() || !definition.isSingleton()) {
                    continue;
                }
            }
            Class<?> type = factory.getType(name, false);
            if (type == null || !hasHandlerMethods(ClassUtils.getUserClass(type))) {
                continue;
            }
            Object bean = factory.getBean(name);
            if (ClassUtils.isCglibProxy(bean)) {
                throw new IllegalStateException("MCP handler bean '" + name + "' (" + ClassUtils.getUserClass(type)
                        + ") is a class-based proxy; jmcp reads the annotations of the object's own class. Keep"
                        + " handler beans unproxied (no @Transactional, @Async... on them, no @Configuration"
                        + " class) and call proxied services from them.");
            }
            found.add(bean);
        }
        return found;
    }

    static boolean hasHandlerMethods(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] methods;
            try {
                methods = c.getDeclaredMethods();
            } catch (LinkageError e) {
                return false; // a class whose optional dependencies are absent cannot hold handlers we could run
            }
            for (Method m : methods) {
                if (m.isAnnotationPresent(McpTool.class)
                        || m.isAnnotationPresent(McpPrompt.class)
                        || m.isAnnotationPresent(McpResource.class)
                        || m.isAnnotationPresent(McpCompletion.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
