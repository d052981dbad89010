//! The digest's picture: a PNG of a team's portfolio, one bar per account for our share of the
//! customer's spend against the account's ceiling, coloured by health, with last digest's share
//! to show the week's movement. Drawn with plotters in memory, with the DejaVu Sans font
//! embedded in the binary, so no system font is needed.

use crate::i18n::DigestMsg;
use crate::i18n::Translate;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};

use crate::domain::health::{AT_RISK, HEALTHY};
use crate::i18n::{Locale, Msg, format_bp};

/// The file name the chart travels under.
pub const FILE_NAME: &str = "portfolio.png";
pub const WIDTH: u32 = 1000;
const ROW: u32 = 30;
const TOP: u32 = 90;
const BOTTOM: u32 = 70;
const PLOT_LEFT: i32 = 300;
const PLOT_RIGHT: i32 = 960;
const FONT: &str = "kam-sans";

/// One account on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartAccount {
    pub name: String,
    /// The customer's yearly spend: the chart shows the largest accounts.
    pub spend_minor: i64,
    /// Our share now, and at the previous digest; `None` without the customer's spend.
    pub share_bp: Option<i64>,
    pub share_before_bp: Option<i64>,
    pub ceiling_bp: i64,
    pub health: u32,
}

/// What the chart draws: the accounts (at most [`crate::core::digest::CHART_ACCOUNTS`]), a title
/// and a caption saying how many of the team's accounts are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortfolioChart {
    pub title: String,
    pub caption: String,
    pub accounts: Vec<ChartAccount>,
    pub locale: Locale,
}

/// The chart's height for `rows` accounts.
pub fn height(rows: usize) -> u32 {
    TOP + ROW * rows.max(1) as u32 + BOTTOM
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are DejaVu Sans, compiled in: they always parse.
        if plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular()).is_err()
            || plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold()).is_err()
        {
            tracing::error!("the embedded font could not be registered");
        }
    });
}

/// The colour of a health score: green when healthy, amber when watched, red at risk.
pub fn health_colour(score: u32) -> RGBColor {
    if score >= HEALTHY {
        RGBColor(46, 160, 90)
    } else if score >= AT_RISK {
        RGBColor(230, 160, 30)
    } else {
        RGBColor(210, 60, 50)
    }
}

fn x_of(bp: i64) -> i32 {
    let bp = bp.clamp(0, 10_000) as i32;
    PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * bp / 10_000
}

/// The chart as a PNG image.
pub fn png(chart: &PortfolioChart) -> anyhow::Result<Vec<u8>> {
    register_font();
    let (width, height) = (WIDTH, height(chart.accounts.len()));
    let mut pixels = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw(&root, chart, height).map_err(|e| anyhow::anyhow!("drawing the chart: {e}"))?;
        root.present().map_err(|e| anyhow::anyhow!("drawing the chart: {e}"))?;
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &PortfolioChart,
    height: u32,
) -> Drawn<DB> {
    let l = chart.locale;
    let ink = RGBColor(40, 40, 40);
    let grey = RGBColor(150, 150, 150);
    let title = (FONT, 22).into_font().style(FontStyle::Bold).color(&ink);
    let text = (FONT, 14).into_font().color(&ink);
    let small = (FONT, 12).into_font().color(&grey);
    root.draw(&Text::new(chart.title.clone(), (20, 14), title))?;
    root.draw(&Text::new(chart.caption.clone(), (20, 44), small.clone()))?;

    let plot_top = TOP as i32 - 12;
    let plot_bottom = (height - BOTTOM) as i32;
    for bp in [0, 2500, 5000, 7500, 10_000] {
        let x = x_of(bp);
        root.draw(&PathElement::new(vec![(x, plot_top), (x, plot_bottom)], RGBColor(225, 225, 225)))?;
        let label = small.pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(format!("{}%", bp / 100), (x, plot_bottom + 4), label))?;
    }
    for (i, a) in chart.accounts.iter().enumerate() {
        let mid = TOP as i32 + (i as i32) * ROW as i32 + ROW as i32 / 2;
        let name = crate::domain::text::truncate(&a.name, 32);
        root.draw(&Text::new(name, (PLOT_LEFT - 10, mid), text.pos(Pos::new(HPos::Right, VPos::Center))))?;
        let Some(share) = a.share_bp else {
            let none = small.pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(l.t(Msg::Digest(DigestMsg::ChartNoSpend)), (PLOT_LEFT + 6, mid), none))?;
            continue;
        };
        let colour = health_colour(a.health);
        root.draw(&Rectangle::new([(x_of(0), mid - 9), (x_of(share).max(x_of(0) + 2), mid + 9)], colour.filled()))?;
        let ceiling = x_of(a.ceiling_bp);
        root.draw(&PathElement::new(vec![(ceiling, mid - 13), (ceiling, mid + 13)], ink.stroke_width(3)))?;
        if let Some(before) = a.share_before_bp.filter(|b| *b != share) {
            let (from, to) = (x_of(before), x_of(share));
            root.draw(&PathElement::new(vec![(from, mid), (to, mid)], ink.stroke_width(2)))?;
            root.draw(&Circle::new((from, mid), 4, ink.filled()))?;
        }
        let label = format!("{} · {}/100", format_bp(share, l), a.health);
        let at = (x_of(share).max(ceiling) + 8, mid);
        root.draw(&Text::new(label, at, text.pos(Pos::new(HPos::Left, VPos::Center))))?;
    }

    // The legend.
    let y = (height - 30) as i32;
    let mut x = 20;
    for (score, label) in [
        (HEALTHY, Msg::Digest(DigestMsg::ChartHealthy)),
        (AT_RISK, Msg::Digest(DigestMsg::ChartWatch)),
        (0, Msg::Digest(DigestMsg::ChartAtRisk)),
    ] {
        root.draw(&Rectangle::new([(x, y - 6), (x + 14, y + 8)], health_colour(score).filled()))?;
        let label = l.t(label);
        root.draw(&Text::new(label.clone(), (x + 20, y + 1), text.pos(Pos::new(HPos::Left, VPos::Center))))?;
        x += 34 + 8 * label.chars().count() as i32;
    }
    root.draw(&PathElement::new(vec![(x + 6, y - 8), (x + 6, y + 10)], ink.stroke_width(3)))?;
    let ceiling = l.t(Msg::Digest(DigestMsg::ChartCeiling));
    root.draw(&Text::new(ceiling.clone(), (x + 16, y + 1), text.pos(Pos::new(HPos::Left, VPos::Center))))?;
    x += 30 + 8 * ceiling.chars().count() as i32;
    root.draw(&Circle::new((x + 6, y + 1), 4, ink.filled()))?;
    root.draw(&PathElement::new(vec![(x + 6, y + 1), (x + 26, y + 1)], ink.stroke_width(2)))?;
    let moved = l.t(Msg::Digest(DigestMsg::ChartMoved));
    root.draw(&Text::new(moved, (x + 34, y + 1), text.pos(Pos::new(HPos::Left, VPos::Center))))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_bands_have_their_colours() {
        assert_eq!(health_colour(90), health_colour(HEALTHY));
        assert_ne!(health_colour(HEALTHY - 1), health_colour(HEALTHY));
        assert_ne!(health_colour(AT_RISK - 1), health_colour(AT_RISK));
    }

    fn account(name: &str, share: Option<i64>, before: Option<i64>, health: u32) -> ChartAccount {
        ChartAccount {
            name: name.into(),
            spend_minor: 100,
            share_bp: share,
            share_before_bp: before,
            ceiling_bp: 7000,
            health,
        }
    }

    /// Decodes a PNG: its size and its RGB pixels.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("a PNG frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        pixels.truncate(info.buffer_size());
        (info.width, info.height, pixels)
    }

    #[test]
    fn the_chart_is_a_png_of_its_size_with_bars_in_the_health_colours() {
        for locale in [Locale::En, Locale::PtBr] {
            let chart = PortfolioChart {
                title: "Share of wallet against the ceiling".into(),
                caption: "3 accounts".into(),
                accounts: vec![
                    account("Vale", Some(1800), Some(1500), 90),
                    account("Alcoa", Some(7400), Some(7400), 55),
                    account("Klabin", None, None, 65),
                ],
                locale,
            };
            let bytes = png(&chart).unwrap();
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
            let (width, height, pixels) = decode(&bytes);
            assert_eq!((width, height), (WIDTH, super::height(3)));
            let rgb: Vec<[u8; 3]> = pixels.chunks(3).map(|p| [p[0], p[1], p[2]]).collect();
            let count = |c: RGBColor| rgb.iter().filter(|p| **p == [c.0, c.1, c.2]).count();
            let background = count(RGBColor(255, 255, 255));
            assert!(background < rgb.len() * 95 / 100, "something is drawn: {background} of {}", rgb.len());
            // Vale's bar is green and Alcoa's red, each a solid 18-pixel band; the legend adds a square.
            assert!(count(health_colour(90)) > 18 * 50, "a healthy bar");
            assert!(count(health_colour(55)) > 18 * 400, "Alcoa's long bar at risk");
            // Text is drawn with the embedded font: dark pixels in the title's band.
            let title_ink = rgb[..(WIDTH * 40) as usize].iter().filter(|p| p[0] < 100).count();
            assert!(title_ink > 500, "the title is written: {title_ink} dark pixels");
        }
    }

    #[test]
    fn shares_map_onto_the_plot_and_stay_inside_it() {
        assert_eq!(x_of(0), PLOT_LEFT);
        assert_eq!(x_of(10_000), PLOT_RIGHT);
        assert_eq!(x_of(12_000), PLOT_RIGHT, "a share above 100 % is drawn at the edge");
        assert_eq!(x_of(5000), (PLOT_LEFT + PLOT_RIGHT) / 2);
    }
}
