package io.github.camelazureavatar.examples.jobs;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A GreenMail SMTP server on a free loopback port, keeping what it receives in memory. */
final class EmbeddedSmtp implements AutoCloseable {

    private final GreenMail greenMail;

    EmbeddedSmtp() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    int received() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
