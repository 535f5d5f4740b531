package io.crmlake.reports;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Room at the chart's right edge for the last tick label. JFreeChart centres a tick label on its
 * tick, so on an axis that ends at its last tick ("100%" on the Pareto chart) half of that label
 * falls outside the plot and was clipped at the chart's edge. Used as the customizerClass of the
 * pack's XY charts.
 */
public final class ChartEdges implements JRChartCustomizer {

    /** Half the width of "100%" at the 8 pt axis font, with a little air. */
    private static final double RIGHT_PADDING = 16;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        RectangleInsets padding = chart.getPadding();
        chart.setPadding(new RectangleInsets(padding.getTop(), padding.getLeft(), padding.getBottom(),
                Math.max(padding.getRight(), RIGHT_PADDING)));
        if (chart.getPlot() instanceof XYPlot plot) {
            // Both axes run 0..1 exactly: no auto margin that would add a tick past 100 %.
            for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                axis.setLowerMargin(0);
                axis.setUpperMargin(0);
            }
        }
    }
}
