package io.newsflow.cli.compose;

import java.nio.file.Path;

/** The project root, as ComposeProject finds it: newsflow.project.dir, else the parent of the module's directory. */
final class ProjectRoot {
    private ProjectRoot() {}

    static Path path() {
        String dir = System.getProperty("newsflow.project.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
    }
}
