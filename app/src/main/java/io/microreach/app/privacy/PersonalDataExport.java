package io.microreach.app.privacy;

import java.util.List;
import java.util.Map;

/**
 * Everything stored about a creator (GDPR art. 15), table by table: each row as column → value, as the database
 * holds it. {@code erased} says whether the creator was erased (then nothing else is stored).
 */
public record PersonalDataExport(
        String platform, String subject, boolean erased, Map<String, List<Map<String, Object>>> tables) {}
