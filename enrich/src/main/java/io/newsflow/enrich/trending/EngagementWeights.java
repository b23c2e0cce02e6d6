package io.newsflow.enrich.trending;

import io.newsflow.schemas.avro.EngagementEvent;
import io.newsflow.schemas.avro.EngagementKind;

/** How much a site's report of views or shares adds to a story's activity: log-damped, shares above views. */
final class EngagementWeights {
    static final double VIEW_WEIGHT = 0.05;
    static final double SHARE_WEIGHT = 0.25;

    private EngagementWeights() {}

    static double weightOf(EngagementEvent e) {
        double perKind = e.getKind() == EngagementKind.SHARE ? SHARE_WEIGHT : VIEW_WEIGHT;
        return perKind * Math.log1p(Math.max(0, e.getCount()));
    }
}
