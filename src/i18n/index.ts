export { bilingualText, EditorError, messageLang, readBilingual, resolveMessageLang, say, setMessageLang, type Bilingual, type MessageLang } from "./lang.ts";
