package io.newsflow.frontpage;

import io.newsflow.schemas.config.Setting;
import java.util.List;

/** The front page's own settings, each declared once (the shared ones are in CommonSettings and TopicContract). */
public final class FrontPageSettings {
    public static final Setting<String> HTTP_HOST = Setting.string("frontpage.http.host", "127.0.0.1",
            "interface the page listens on").example("0.0.0.0");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("frontpage.http.port", 8088, "HTTP port; 0: any free one")
            .atLeast(0).example("9088");
    public static final Setting<Integer> MAX_ARTICLES = Setting.integer("frontpage.max.articles", 50,
            "newest articles kept and shown").atLeast(1).example("20");
    public static final List<Setting<?>> SETTINGS = List.of(HTTP_HOST, HTTP_PORT, MAX_ARTICLES);

    private FrontPageSettings() {}
}
