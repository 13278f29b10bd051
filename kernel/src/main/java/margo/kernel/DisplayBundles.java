package margo.kernel;

import margo.dsl.output.FigureHtml;
import margo.dsl.output.HtmlRenderer;
import margo.dsl.output.TextRenderer;
import margo.dsl.plot.PlotlyFigure;
import margo.dsl.plot.SvgFigure;
import margo.dsl.run.Shown;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.HedgeValue;
import margo.dsl.value.ReplayValue;
import margo.dsl.value.ModelValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TabulatedValue;
import margo.dsl.value.Value;
import margo.kernel.jupyter.MimeBundle;

/**
 * The shown values of one cell as Jupyter MIME bundles. Every value has {@code text/plain}, the CLI's text
 * rendering; a table also has {@code text/html}, which notebooks display instead. A scalar stays plain text, as
 * a number looks best in the notebook's monospace output.
 *
 * <p>A figure has four: {@code application/vnd.plotly.v1+json} (the figure, for front ends with a Plotly
 * renderer: JupyterLab's extension, VS Code), {@code text/html} (a div with the static picture that a script
 * replaces with the interactive chart), {@code image/svg+xml} (the static picture alone) and {@code text/plain}.
 *
 * <p>plotly.js comes once per kernel session, in the HTML of the first figure shown: every figure waits for it
 * wherever it is in the page ({@link FigureHtml}), so a notebook run from the top, or converted by nbconvert,
 * carries the library once (0.63 MB) however many figures it has. It used to come with every cell that drew,
 * so that a cell stood alone when others were cleared; a notebook with ten such cells was ten times heavier. What
 * that costs: if the output that carried the library is cleared or replaced (its cell run again) and the notebook
 * is saved and reopened, its figures show their static pictures until the kernel is restarted and the notebook run
 * again. A restarted kernel is a new session and sends the library again with its first figure.
 */
final class DisplayBundles {

    static final String PLOTLY_MIME_TYPE = "application/vnd.plotly.v1+json";

    private boolean libraryIncluded;

    /** Bundles for the values of one session (a kernel's life), in the order they are shown. */
    DisplayBundles() {
    }

    /** The bundle of one shown value, its tables named by what was shown ({@link Shown#label()}). */
    MimeBundle of(Shown shown) {
        Value value = shown.value();
        MimeBundle bundle = new MimeBundle(TextRenderer.render(value, shown.label()));
        if (value instanceof TableValue || value instanceof TabulatedValue || value instanceof ReportValue
                || value instanceof ModelValue || value instanceof FitValue || value instanceof HaircutValue
                || value instanceof HedgeValue || value instanceof ReplayValue) {
            bundle.put("text/html", HtmlRenderer.render(value, shown.label()));
        } else if (value instanceof FigureValue figure) {
            bundle.put(PLOTLY_MIME_TYPE, PlotlyFigure.toJson(figure.figure()));
            bundle.put("text/html", (libraryIncluded ? "" : FigureHtml.library()) + HtmlRenderer.render(value));
            bundle.put("image/svg+xml", SvgFigure.render(figure.figure()));
            libraryIncluded = true;
        }
        return bundle;
    }
}
