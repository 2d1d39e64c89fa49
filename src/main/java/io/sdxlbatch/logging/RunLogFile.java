package io.sdxlbatch.logging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;

/**
 * The run's own log file, {@code <run folder>/run.log}: everything of sdxl-batch down to DEBUG and everything else
 * from INFO, with full timestamps, the process id and stack traces, appended to by every process of the run (a
 * resume adds to it). The console keeps what it was configured to show.
 *
 * <p>Attached to Logback by hand once the run folder is known, and only after Spring has started: Spring Boot
 * (re)configures Logback when a context starts, dropping appenders it did not make. Boot does so again only for
 * another context in the same JVM, by which time this run's file is closed. Closing restores the levels and
 * appenders as they were. Not thread-safe: attach and close from the run's main thread.
 */
public final class RunLogFile implements AutoCloseable {

    public static final String FILE = "run.log";
    static final String APPENDER = "RUN_LOG";
    private static final String OURS = "io.sdxlbatch";

    private final LoggerContext context;
    private final FileAppender<ILoggingEvent> appender;
    private final ConfiguredLevelFilter consoleFilter;
    private final List<Appender<ILoggingEvent>> filtered = new ArrayList<>();
    private final Map<Logger, Level> levelsBefore = new LinkedHashMap<>();

    private RunLogFile(LoggerContext context, FileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
        this.consoleFilter = new ConfiguredLevelFilter(explicitLevels(context));
        consoleFilter.setContext(context);
        consoleFilter.start();
    }

    /**
     * Starts writing {@code runDir/run.log}. A file that cannot be opened does not stop the run: the console still
     * has everything, and this says why the file is missing.
     */
    public static RunLogFile attach(Path runDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RunLogFile log = new RunLogFile(context, appender(context, runDir.resolve(FILE)));
        log.start();
        return log;
    }

    private void start() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> existing = it.next();
            existing.addFilter(consoleFilter);
            filtered.add(existing);
        }
        lower(root, Level.INFO);
        lower(context.getLogger(OURS), Level.DEBUG);
        if (appender.isStarted()) {
            root.addAppender(appender);
        } else {
            LoggerFactory.getLogger(RunLogFile.class).warn("cannot write {}; the run goes on without it",
                    appender.getFile());
        }
    }

    /** Lowers a logger's level to {@code level} unless it is lower already (a user's TRACE stays TRACE). */
    private void lower(Logger logger, Level level) {
        levelsBefore.put(logger, logger.getLevel());
        if (logger.getEffectiveLevel().isGreaterOrEqual(level)) {
            logger.setLevel(level);
        }
    }

    private static FileAppender<ILoggingEvent> appender(LoggerContext context, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        // the pid tells the processes of a resumed run apart; stack traces follow the message (Logback's default)
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} " + ProcessHandle.current().pid()
                + " %-5level [%thread] %logger{40}: %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static Map<String, Level> explicitLevels(LoggerContext context) {
        Map<String, Level> levels = new HashMap<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel());
            }
        }
        return levels;
    }

    @Override
    public void close() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        levelsBefore.forEach(Logger::setLevel);
        for (Appender<ILoggingEvent> existing : filtered) {
            List<Filter<ILoggingEvent>> others = existing.getCopyOfAttachedFiltersList();
            others.remove(consoleFilter);
            existing.clearAllFilters();
            others.forEach(existing::addFilter);
        }
    }
}
