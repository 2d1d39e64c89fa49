package io.sdxlbatch.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps an appender at the levels the loggers were configured with, after they have been lowered for another
 * appender: Logback levels belong to loggers, not appenders, so the run log's DEBUG would otherwise reach the
 * console too. A logger's configured level is its own, else its nearest configured ancestor's, as in Logback.
 * Thread-safe.
 */
final class ConfiguredLevelFilter extends Filter<ILoggingEvent> {

    static final String ROOT = org.slf4j.Logger.ROOT_LOGGER_NAME;

    private final Map<String, Level> configured;
    private final Map<String, Level> resolved = new ConcurrentHashMap<>();

    /** @param configured explicit levels by logger name, the root logger's under {@link #ROOT} */
    ConfiguredLevelFilter(Map<String, Level> configured) {
        this.configured = Map.copyOf(configured);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(levelOf(event.getLoggerName())) ? FilterReply.NEUTRAL
                : FilterReply.DENY;
    }

    Level levelOf(String loggerName) {
        return resolved.computeIfAbsent(loggerName, this::resolve);
    }

    private Level resolve(String loggerName) {
        for (String name = loggerName; ; name = parent(name)) {
            if (name == null) {
                return configured.getOrDefault(ROOT, Level.DEBUG);
            }
            Level level = configured.get(name);
            if (level != null) {
                return level;
            }
        }
    }

    /** Logback's hierarchy: "a.b.C$D" under "a.b.C" under "a.b" under "a" under the root (null here). */
    private static String parent(String name) {
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return cut < 0 || name.equals(ROOT) ? null : name.substring(0, cut);
    }
}
