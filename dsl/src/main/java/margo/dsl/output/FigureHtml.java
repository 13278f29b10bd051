package margo.dsl.output;

import com.google.gson.Gson;
import margo.dsl.plot.Figure;
import margo.dsl.plot.PlotlyFigure;
import margo.dsl.plot.SvgFigure;

/**
 * Figures in HTML, for notebooks and the pages of {@code margo run --format html}, with no network: the
 * {@link #library() library} script carries plotly.js itself and defines {@code window.margoPlotly}, a promise of
 * {@code Plotly}; each {@link #figure figure} is a {@code div} that holds the static SVG picture and a script that,
 * once Plotly is there, replaces the picture with the interactive chart. Where scripts do not run (an untrusted
 * notebook, a sanitising viewer) or the browser cannot unpack the library, the picture stays.
 */
public final class FigureHtml {

    /** Escapes {@code <}, {@code >} and {@code &}, so that no string in the JSON can close the script. */
    private static final Gson HTML_SAFE_JSON = new Gson();

    private FigureHtml() {
    }

    /**
     * plotly.js, gzipped in base64, unpacked and run when the page has no Plotly yet. Including it twice is
     * harmless: the second copy sees {@code window.Plotly} or the pending promise and does nothing.
     */
    public static String library() {
        return "<script>/* plotly.js " + PlotlyLibrary.version() + ", MIT licence, shipped inside Margo */\n"
                + "if (!window.Plotly && !window.margoPlotly) {\n"
                + "  window.margoPlotly = (async function () {\n"
                + "    var packed = \"" + PlotlyLibrary.gzippedBase64() + "\";\n"
                + "    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });\n"
                + "    var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n"
                + "    var script = document.createElement(\"script\");\n"
                + "    script.text = await new Response(unpacked).text();\n"
                + "    document.head.appendChild(script);\n"
                + "    return window.Plotly;\n"
                + "  })();\n"
                + "}\n"
                + "</script>\n";
    }

    /**
     * A figure as a {@code div} with the id {@code id}, unique in the page: the SVG picture now, the Plotly chart
     * as soon as {@link #library()} has loaded (from this output or an earlier one in the page).
     */
    public static String figure(Figure figure, String id) {
        String json = HTML_SAFE_JSON.toJson(PlotlyFigure.toJson(figure));
        return "<div id=\"" + id + "\" class=\"margo-figure\">" + SvgFigure.render(figure) + "</div>\n"
                + "<script>\n"
                + "(function () {\n"
                + "  var figure = " + json + ";\n"
                + "  var ready = window.Plotly ? Promise.resolve(window.Plotly) : window.margoPlotly;\n"
                + "  if (!ready) { return; }\n"
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
