package ru.mos.localisation.integrity;

import java.lang.reflect.Field;

/**
 * Reads what a Camunda command was asked to do. Most commands keep their arguments in protected
 * fields without getters; the guard needs them before the command runs (Camunda 7.24 is the last
 * release of the line, so the field names are fixed).
 */
final class CommandFields {

  private CommandFields() {}

  static <T> T read(Object command, String name, Class<T> type) {
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return type.cast(field.get(command));
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read %s of %s".formatted(name, c.getName()), e);
      }
    }
    throw new IllegalStateException("%s has no field %s".formatted(command.getClass().getName(), name));
  }
}
