package margo.dsl.output;

import com.google.gson.Gson;
import margo.dsl.plot.Figure;
import margo.dsl.plot.PlotlyFigure;
import margo.dsl.plot.SvgFigure;

/**
 * Figures in HTML, for notebooks and the pages of {@code margo run --format html}, with no network. The page's
 * scripts share one promise of {@code Plotly}, {@code window.margoPlotly}, created by whichever script runs first:
 * the {@link #library() library} script, which carries plotly.js itself and settles the promise once the library
 * runs, or a {@link #figure figure}, a {@code div} that holds the static SVG picture and a script that waits on the
 * promise and then replaces the picture with the interactive chart. So a page (or notebook) needs the library once,
 * anywhere in it: figures above it wait for it as well as figures below. Where scripts do not run (an untrusted
 * notebook, a sanitising viewer), where the library is nowhere in the page, or where the browser cannot unpack it,
 * the picture stays.
 */
public final class FigureHtml {

    /** Escapes {@code <}, {@code >} and {@code &}, so that no string in the JSON can close the script. */
    private static final Gson HTML_SAFE_JSON = new Gson();

    /**
     * The shared promise of Plotly, created unsettled (its {@code settle} holds resolve and reject) if no script
     * made it yet.
     */
    private static final String SHARED_PROMISE = "window.margoPlotly || (window.margoPlotly = (function () {\n"
            + "    var settle = {};\n"
            + "    var promise = new Promise(function (resolve, reject) { settle.resolve = resolve; settle.reject = reject; });\n"
            + "    promise.settle = settle;\n"
            + "    return promise;\n"
            + "  })())";

    private FigureHtml() {
    }

    /**
     * plotly.js, gzipped in base64, unpacked and run unless the page has it already; then the shared promise is
     * settled. Including it twice is harmless: the second copy sees the library loading or loaded and does nothing.
     */
    public static String library() {
        return "<script>/* plotly.js " + PlotlyLibrary.version() + " (cartesian bundle, minified), MIT licence"
                + " (margo/plotly/LICENSE in Margo's jar), shipped inside Margo */\n"
                + "(function () {\n"
                + "  var ready = " + SHARED_PROMISE + ";\n"
                + "  if (ready.loading || !ready.settle) { return; }\n"
                + "  ready.loading = true;\n"
                + "  if (window.Plotly) { ready.settle.resolve(window.Plotly); return; }\n"
                + "  (async function () {\n"
                + "    var packed = \"" + PlotlyLibrary.gzippedBase64() + "\";\n"
                + "    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });\n"
                + "    var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n"
                + "    var script = document.createElement(\"script\");\n"
                + "    script.text = await new Response(unpacked).text();\n"
                + "    document.head.appendChild(script);\n"
                + "    if (!window.Plotly) { throw new Error(\"the plotly.js bundle ran but defined no Plotly\"); }\n"
                + "    return window.Plotly;\n"
                + "  })().then(ready.settle.resolve, ready.settle.reject);\n"
                + "})();\n"
                + "</script>\n";
    }

    /**
     * A figure as a {@code div} with the id {@code id}, unique in the page: the SVG picture now, the Plotly chart
     * as soon as {@link #library()} has loaded, from an output before or after this one in the page.
     */
    public static String figure(Figure figure, String id) {
        String json = HTML_SAFE_JSON.toJson(PlotlyFigure.toJson(figure));
        return "<div id=\"" + id + "\" class=\"margo-figure\">" + SvgFigure.render(figure) + "</div>\n"
                + "<script>\n"
                + "(function () {\n"
                + "  var figure = " + json + ";\n"
                + "  var ready = window.Plotly ? Promise.resolve(window.Plotly) : " + SHARED_PROMISE + ";\n"
                // A front end may run the script before it attaches the output to the page: look for the div
                // when Plotly is ready, and for up to two seconds after.
                + "  function draw(Plotly, attempt) {\n"
                + "    var element = document.getElementById(\"" + id + "\");\n"
                + "    if (!element) {\n"
                + "      if (attempt < 40) { setTimeout(function () { draw(Plotly, attempt + 1); }, 50); }\n"
                + "      return;\n"
                + "    }\n"
                + "    var picture = element.innerHTML;\n"
                + "    element.innerHTML = \"\";\n"
                + "    Plotly.newPlot(element, figure.data, figure.layout, figure.config).catch(function (error) {\n"
                + "      element.innerHTML = picture;\n"
                + "      console.warn(\"Margo: the interactive figure could not be drawn; showing the static one\", error);\n"
                + "    });\n"
                + "  }\n"
                + "  ready.then(function (Plotly) { draw(Plotly, 0); }, function (error) {\n"
                + "    console.warn(\"Margo: plotly.js could not be loaded; showing the static figure\", error);\n"
                + "  });\n"
                + "})();\n"
                + "</script>\n";
    }
}
