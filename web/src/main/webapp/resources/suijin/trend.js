/*
 * Extender of the trend chart (p:chart extender="suijinTrend"): what JSON cannot carry. Times on the
 * x axis are epoch milliseconds, shown in Japan time whatever the browser's zone; the min/max bands
 * stay out of the legend; after a zoom or pan the page asks the server for that range, so detail
 * appears as one zooms in.
 */
window.suijinTrend = function () {
    var config = this.cfg.config;
    var options = config.options;
    var language = document.documentElement.lang === 'en' ? 'en-GB' : 'ja-JP';
    var zone = 'Asia/Tokyo';
    var short = new Intl.DateTimeFormat(language, {timeZone: zone, month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hour12: false});
    var full = new Intl.DateTimeFormat(language, {timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false});

    options.scales.x.ticks.callback = function (value) {
        return short.format(new Date(value));
    };
    options.plugins.legend.labels = {
        filter: function (item, data) {
            return !data.datasets[item.datasetIndex].band;
        }
    };
    options.plugins.tooltip = {
        callbacks: {
            title: function (items) {
                return items.length ? full.format(new Date(items[0].parsed.x)) : '';
            },
            label: function (context) {
                var dataset = context.dataset;
                return dataset.label + ': ' + context.parsed.y.toFixed(dataset.decimals || 0);
            }
        }
    };
    var reload = function (context) {
        var x = context.chart.scales.x;
        if (typeof window.suijinTrendRange === 'function') {
            window.suijinTrendRange([{name: 'from', value: Math.round(x.min)}, {name: 'to', value: Math.round(x.max)}]);
        }
    };
    options.plugins.zoom.zoom.onZoomComplete = reload;
    options.plugins.zoom.pan.onPanComplete = reload;
};
