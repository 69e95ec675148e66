package io.github.camelazureavatar.avatar.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/** Captures every log line (message and stack traces) written while it is attached, to search them for secrets. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /**
     * HttpClient's own DEBUG logs print every request line and header, key and SAS signatures included; the component
     * warns about them instead (see docs), so a capture keeps them at INFO.
     */
    private static final List<String> CLEAR_TEXT_LOGGERS = List.of("org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.impl.classic");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> restore = new HashMap<>();

    private LogCapture() {
    }

    /** Captures with every logger at this level (but HttpClient's clear-text header and wire logs), until closed. */
    public static LogCapture attachAt(Level level) {
        LogCapture capture = attach();
        ch.qos.logback.classic.LoggerContext loggers = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : loggers.getLoggerList()) {
            if (logger.getLevel() != null && logger != root()) {
                capture.restore.put(logger.getName(), logger.getLevel());
                logger.setLevel(null);
            }
        }
        capture.restore.putIfAbsent(org.slf4j.Logger.ROOT_LOGGER_NAME, root().getLevel());
        root().setLevel(level);
        for (String name : CLEAR_TEXT_LOGGERS) {
            capture.restore.putIfAbsent(name, null);
            loggers.getLogger(name).setLevel(Level.INFO);
        }
        return capture;
    }

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> linesContaining(String text) {
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
        ch.qos.logback.classic.LoggerContext loggers = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        restore.forEach((name, level) -> loggers.getLogger(name).setLevel(level));
    }
}
