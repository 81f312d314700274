"""Facts read from an item's sections: sections -> proposals, decision, votes, references, …"""
