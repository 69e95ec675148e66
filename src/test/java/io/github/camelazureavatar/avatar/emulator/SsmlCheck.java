package io.github.camelazureavatar.avatar.emulator;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SSML inputs must be XML documents whose root is {@code <speak>} and that name a voice in a {@code <voice>} element (Azure's
 * SSML requires one); no DTDs, no external entities.
 */
final class SsmlCheck {

    private static final SAXParserFactory FACTORY = SAXParserFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
        try {
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            FACTORY.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SsmlCheck() {
    }

    /** @throws ValidationException naming the input when it is not SSML */
    static void require(String ssml, int index) {
        String[] root = new String[1];
        boolean[] voice = new boolean[1];
        try {
            SAXParser parser = FACTORY.newSAXParser();
            parser.parse(new InputSource(new StringReader(ssml)), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    String name = localName.isEmpty() ? qName : localName;
                    if (root[0] == null) {
                        root[0] = name;
                    }
                    voice[0] |= name.equals("voice");
                }
            });
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ValidationException("InvalidSsml", "Input " + index + " is not valid SSML: it is not well-formed XML.");
        }
        if (!"speak".equals(root[0])) {
            throw new ValidationException("InvalidSsml", "Input " + index + " is not valid SSML: its root element must be <speak>.");
        }
        if (!voice[0]) {
            throw new ValidationException("InvalidSsml", "Input " + index + " is not valid SSML: it names no <voice>.");
        }
    }
}
