/** Front page: the latest finished articles and the trending lists per region, as HTML and JSON. */
package io.newsflow.frontpage;
