import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks Maven Central's required metadata in an effective POM, as written by
 * {@code mvn org.apache.maven.plugins:maven-help-plugin:3.5.1:effective-pom -Doutput=FILE}: groupId, artifactId,
 * version, name, description, url, a license with name and url, a developer with a name, scm with connection,
 * developerConnection and url; and issueManagement's url, which this project asks of every published POM. With a
 * target folder it also checks that the main, sources and javadoc jars were built (a jar-packaged project).
 * <p>
 * Run with the JDK alone, no build: {@code java .ci/PomMetadataCheck.java target/effective-pom.xml target}. Exits 1
 * when something is missing, printing one line per element either way. See docs/releasing.md.
 */
public class PomMetadataCheck {

    private static final List<String> missing = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java .ci/PomMetadataCheck.java EFFECTIVE_POM [TARGET_DIR]");
            System.exit(2);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new File(args[0])).getDocumentElement();
        // one project: <project>; a reactor: <projects><project>...
        List<Element> projects = "projects".equals(root.getLocalName()) ? children(root, "project") : List.of(root);
        File target = args.length == 2 ? new File(args[1]) : null;
        for (Element project : projects) {
            check(project, target);
        }
        if (missing.isEmpty()) {
            System.out.println("POM metadata: OK (" + projects.size() + " project(s) meet Maven Central's requirements)");
        } else {
            System.out.println("POM metadata: MISSING " + missing);
            System.exit(1);
        }
    }

    private static void check(Element project, File target) {
        String artifactId = text(project, "artifactId");
        String version = text(project, "version");
        String packaging = text(project, "packaging");
        if (packaging.isEmpty()) {
            packaging = "jar";
        }
        System.out.println("-- " + text(project, "groupId") + ":" + artifactId + ":" + version + " (" + packaging + ")");
        for (String name : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
            require(artifactId, name, text(project, name));
        }
        Element license = first(project, "licenses", "license");
        require(artifactId, "licenses/license/name", text(license, "name"));
        require(artifactId, "licenses/license/url", text(license, "url"));
        Element developer = first(project, "developers", "developer");
        require(artifactId, "developers/developer/name", text(developer, "name"));
        Element scm = child(project, "scm");
        require(artifactId, "scm/connection", text(scm, "connection"));
        require(artifactId, "scm/developerConnection", text(scm, "developerConnection"));
        require(artifactId, "scm/url", text(scm, "url"));
        require(artifactId, "issueManagement/url", text(child(project, "issueManagement"), "url"));
        if (target != null && !"pom".equals(packaging)) {
            for (String classifier : List.of("", "-sources", "-javadoc")) {
                File jar = new File(target, artifactId + "-" + version + classifier + ".jar");
                require(artifactId, "jar " + jar.getName(), jar.isFile() ? jar.getPath() : "");
            }
        }
    }

    private static void require(String artifactId, String what, String value) {
        if (value.isBlank()) {
            missing.add(artifactId + ": " + what);
            System.out.println("   MISSING " + what);
        } else {
            System.out.println("   ok      " + what + ": " + value.replaceAll("\\s+", " "));
        }
    }

    private static Element first(Element parent, String list, String item) {
        List<Element> items = children(child(parent, list), item);
        return items.isEmpty() ? null : items.get(0);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
