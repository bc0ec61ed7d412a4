/// The HTML report's style for screen and print, and the one script it carries.
extension HTMLReport {
    static let style = """
        :root{--ink:#1d2327;--muted:#5b6770;--rule:#d9dee3;--link:#14568f;--band:#f4f6f8}
        body{margin:0;background:#fff;color:var(--ink);font:16px/1.5 "Helvetica Neue",Arial,"Liberation Sans",sans-serif}
        main{max-width:1080px;margin:0 auto;padding:32px 28px 64px}
        h1{font-size:30px;line-height:1.2;margin:0 0 8px}h2{font-size:23px;margin:44px 0 10px;padding-top:8px;border-top:2px solid var(--ink)}
        h2.summary{font-size:18px;margin:22px 0 6px;padding:0;border:none}
        h3{font-size:18px;margin:26px 0 8px}h4{font-size:15px;margin:14px 0 4px;color:var(--muted)}
        p{margin:6px 0 10px}.lede{font-size:19px}.how,.note{color:var(--muted)}
        a{color:var(--link);text-decoration:none;border-bottom:1px dotted var(--link)}a:hover{border-bottom-style:solid}
        ul.tiles{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:14px 0;padding:0}
        ul.tiles li{flex:1 1 150px;background:var(--band);border-radius:4px;padding:10px 14px;color:var(--muted)}
        ul.tiles b{display:block;font-size:28px;line-height:1.1;color:var(--ink)}
        ul.headlines{margin:4px 0;padding-left:20px}ul.headlines li{margin:3px 0}ul.headlines a.figure{font-weight:600}
        nav ol{columns:2;margin:4px 0 0;padding-left:22px}
        table{border-collapse:collapse;width:100%;margin:10px 0 18px;font-size:15px}
        th,td{padding:6px 10px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        th{background:var(--band);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.wide{font-size:13.5px}table.wide th,table.wide td{padding:5px 6px}table.wide td:first-child{white-space:nowrap}
        tr.total td{font-weight:600;border-top:2px solid var(--ink)}td.nowrap,span.nowrap{white-space:nowrap}td.parts{white-space:normal}#indicators-by-era th.num{white-space:normal}code{font:13px "DejaVu Sans Mono","Liberation Mono",monospace;color:var(--muted)}
        figure{margin:18px 0 24px;padding:14px 16px 8px;border:1px solid var(--rule);border-radius:4px}
        figcaption{font-weight:600;margin-bottom:8px}svg.chart{width:100%;height:auto;display:block}
        p.download{margin:4px 0 0;font-size:14px;text-align:right}
        .evidence-group h3{margin:22px 0 6px}
        details.evidence{border-left:3px solid var(--rule);padding:2px 0 2px 12px;margin:6px 0;font-size:14.5px}
        details.evidence[open]{padding-bottom:8px}details.evidence:target{border-left-color:var(--link);background:#f5f9fd}
        details.evidence summary{cursor:pointer}details.evidence .count{color:var(--muted);white-space:nowrap}
        .evidence ul{margin:4px 0 8px;padding-left:20px}.evidence li{margin:4px 0}
        .evidence-line{font-size:14.5px;margin:6px 0;padding-left:15px}
        .where{color:var(--muted)}.tag{font-size:12px;font-weight:600;padding:1px 6px;border-radius:3px;background:var(--band)}
        .tag.yes{background:#dcebf7;color:#0f4c7a}.tag.no{background:#f7e2d2;color:#8a3d06}
        .print-only{display:none}
        @media screen and (max-width:1100px){#indicators-by-era table{display:block;overflow-x:auto}}
        @media screen and (max-width:720px){
        main{padding:18px 12px 40px}h1{font-size:24px}nav ol{columns:1}
        table{display:block;overflow-x:auto;font-size:14px}figure{overflow-x:auto;padding:10px 8px 6px}svg.chart{min-width:640px}
        }
        @page{size:A4;margin:14mm 13mm 15mm}
        @media print{
        body{font-size:10pt;line-height:1.35}main{max-width:none;padding:0}code{font-size:0.85em}
        h1{font-size:20pt}h2{font-size:14pt;margin:16pt 0 6pt;break-after:avoid}h2.summary{font-size:11pt;margin:8pt 0 3pt}
        h3{font-size:11pt;break-after:avoid}.lede{font-size:11.5pt}h2+p,h3+p,h2+p+p{break-after:avoid}section.keep{break-inside:avoid}
        ul.tiles li{padding:5px 10px}ul.tiles b{font-size:16pt}
        table{font-size:8.5pt;margin:6pt 0 10pt}th,td{padding:2.5pt 5pt}tr{break-inside:avoid}thead{display:table-header-group}
        figure{break-inside:avoid;border:none;padding:0;margin:8pt 0 10pt}figcaption{font-size:9.5pt;break-after:avoid}
        a{color:inherit;border-bottom:none}p.download{display:none}.print-only{display:block;color:var(--muted)}
        section{break-before:auto}#evidence{break-before:page}
        .evidence-group{columns:2;column-gap:18pt}.evidence-group h3{column-span:all;margin:8pt 0 3pt}
        details.evidence{font-size:7.5pt;line-height:1.25;margin:0 0 1.5pt;padding:0 0 0 5pt;border-left-width:2px;break-inside:avoid}
        details.evidence>:not(summary){display:none}details.evidence summary{list-style:none}
        details.evidence summary::-webkit-details-marker{display:none}
        .evidence-line{font-size:7.5pt;margin:0 0 1.5pt;padding-left:7pt}
        details.evidence.printed{break-inside:auto;margin:0 0 5pt}details.evidence.printed summary{font-weight:600}
        details.evidence.printed::details-content{content-visibility:visible;display:block}
        details.evidence.printed>:not(summary){display:block}details.evidence.printed h4{font-size:7.5pt;margin:2pt 0 0;break-after:avoid}
        details.evidence.printed ul{margin:0;padding-left:9pt}details.evidence.printed li{margin:0 0 1.5pt;break-inside:avoid}
        details.evidence.printed p{margin:0}
        }
        """

    /// Opens the closed evidence block that a link points into, on arrival and on every jump.
    static let revealScript = """
        function reveal(){var id=decodeURIComponent(location.hash.slice(1));var target=id&&document.getElementById(id);\
        for(var node=target;node;node=node.parentElement){if(node.tagName==="DETAILS"){node.open=true}}\
        if(target){target.scrollIntoView()}}
        addEventListener("hashchange",reveal);addEventListener("DOMContentLoaded",reveal);\
        addEventListener("click",function(event){var link=event.target.closest&&event.target.closest("a");\
        if(link&&(link.getAttribute("href")||"").charAt(0)==="#"){setTimeout(reveal,0)}});
        """
}
