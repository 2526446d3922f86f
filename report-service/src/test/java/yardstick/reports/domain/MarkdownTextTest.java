package yardstick.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void wordsStayWordsWhateverCharactersTheyHold() {
        assertEquals("ensure \\*all\\* staff \\_know\\_", MarkdownText.inline("ensure *all* staff _know_"));
        assertEquals("a \\<script\\> and \\[a link\\](x)", MarkdownText.inline("a <script> and [a link](x)"));
        assertEquals("one line, not two", MarkdownText.inline("one line,\n  not two"));
        assertEquals("the caseload (15-17) fell", MarkdownText.inline("the caseload (15-17) fell"));
    }

    @Test
    void aLeadingMarkerDoesNotMakeAHeadingOrAList() {
        assertEquals("\\# not a heading", MarkdownText.inline("# not a heading"));
        assertEquals("\\- not a list", MarkdownText.inline("- not a list"));
        assertEquals("2021\\. A year", MarkdownText.inline("2021. A year"));
        assertEquals("1.1 is a reference, not a list", MarkdownText.inline("1.1 is a reference, not a list"));
        assertEquals("3\\) three", MarkdownText.inline("3) three"));
    }

    @Test
    void aCellEscapesItsColumnSeparator() {
        assertEquals("audit \\| oversight", MarkdownText.cell("audit | oversight"));
        assertEquals("1.1", MarkdownText.cell("1.1"));
    }
}
