package org.ehcflow.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The one place that says which of the application's beans a model may name in an expression: the
 * project's own delegates and listeners (named as a whole, as {@code ${sendNoticeDelegate}}) and
 * the helper beans whose methods compute a due date or a mailbox. Every other bean (the engine's
 * services, data sources, Spring's own) stays out of a process owner's reach, both when a model is
 * deployed ({@link ExpressionCheck}) and when any model runs ({@link ModelDeploymentBoundary} hands
 * only these to the engine's expression language).
 */
@Component
public class ModelBeans {

  /**
   * Helper beans whose public methods models call, such as {@code ${deadlines.dueOn(adviceDue)}}.
   */
  public static final Set<String> HELPERS = Set.of("deadlines", "mailboxes", "workingDays");

  /** Delegates and listeners count only if they are the project's own, not a library's. */
  private static final String PROJECT_PACKAGE = "org.ehcflow.";

  private static final Set<Class<?>> DELEGATE_TYPES =
      Set.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private final ApplicationContext context;
  private volatile SortedSet<String> delegates;
  private volatile SortedMap<String, SortedSet<String>> helperMethods;

  public ModelBeans(ApplicationContext context) {
    this.context = context;
  }

  /** Delegate and listener beans: a model names them whole and calls none of their methods. */
  public SortedSet<String> delegates() {
    if (delegates == null) {
      // Names and types only: instantiating beans here would run while the engine is being built.
      delegates =
          Collections.unmodifiableSortedSet(
              DELEGATE_TYPES.stream()
                  .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, true, false)))
                  .filter(
                      name -> {
                        Class<?> type = context.getType(name, false);
                        return type != null
                            && ClassUtils.getUserClass(type).getName().startsWith(PROJECT_PACKAGE);
                      })
                  .collect(Collectors.toCollection(TreeSet::new)));
    }
    return delegates;
  }

  /** Each helper bean with the methods a model may call on it. */
  public SortedMap<String, SortedSet<String>> helpers() {
    if (helperMethods == null) {
      SortedMap<String, SortedSet<String>> methods = new TreeMap<>();
      for (String helper : HELPERS) {
        Class<?> type = ClassUtils.getUserClass(context.getType(helper, false));
        methods.put(
            helper,
            Collections.unmodifiableSortedSet(
                Arrays.stream(type.getDeclaredMethods())
                    .filter(
                        method ->
                            Modifier.isPublic(method.getModifiers())
                                && !Modifier.isStatic(method.getModifiers())
                                && !method.isSynthetic()
                                && !method.isBridge())
                    .map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new))));
      }
      helperMethods = Collections.unmodifiableSortedMap(methods);
    }
    return helperMethods;
  }

  public boolean isAllowed(String name) {
    return delegates().contains(name) || HELPERS.contains(name);
  }

  public boolean isHelper(String name) {
    return HELPERS.contains(name);
  }

  /**
   * A bean of the application that a model may not name: refused rather than read as a case value.
   */
  public boolean isOtherBean(String name) {
    return !isAllowed(name) && context.containsBean(name);
  }

  /**
   * The allowed beans as the engine's expression language sees them. Looked up on each use, not
   * copied, because the delegates need the engine that is being built when this map is handed over.
   */
  public Map<Object, Object> forExpressions() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && isAllowed(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return Stream.concat(delegates().stream(), HELPERS.stream())
            .map(name -> Map.entry((Object) name, context.getBean(name)))
            .collect(Collectors.toSet());
      }
    };
  }
}
