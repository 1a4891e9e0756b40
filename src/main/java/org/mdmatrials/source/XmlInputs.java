package org.mdmatrials.source;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/** The one way a registry's XML is parsed. */
public final class XmlInputs {
  private XmlInputs() {}

  /**
   * A parser that reads no DTD and resolves no external entity: no registry sends either, and
   * following either would let a file make us read local files or other hosts, or expand entities
   * without end. The JDK's own parser, whichever other StAX implementation the class path holds, so
   * that these settings are the ones in force.
   */
  public static XMLInputFactory safe() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }
}
